"""What the screens rely on but do not draw: the content store, the clock, the visit, printing, the PIN,
one kiosk per screen and the systemd watchdog. No widgets here."""
