"""Services the screens use: idle watch, QR codes, printing, schedule."""
