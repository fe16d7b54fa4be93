"""The Qt layer: it receives the content model and shows it; it never reads content files itself."""
