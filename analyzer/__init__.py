"""runlog: read running logs from watches and apps; flag the training patterns behind knee pain."""
