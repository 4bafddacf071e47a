"""Hostile and huge inputs: every case runs the real command and ends cleanly, quickly, within memory."""
