"""Drawing with QtGui only (no widgets): fonts and colours, text layout, slides, pictures, QR codes and the
printed handout. The screens in `ui/` and the services (printing) use it; it knows neither."""
