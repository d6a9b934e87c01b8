"""The pipeline stages and the runner that chains them (see ``runner.py``)."""
