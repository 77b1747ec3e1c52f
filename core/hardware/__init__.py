"""Till hardware without Qt: what a thermal printer is sent (ESC/POS bytes,
made by python-escpos), how it is reached (network, USB, serial) with a
timeout, and the barcodes of labels. The window runs these off its thread."""
