"""Starts the ralph LRS (ralph-malph, from PyPI) for the end-to-end tests.

Usage: python run_ralph.py PORT DATA_DIR USER PASSWORD

Binds to 127.0.0.1 only, keeps statements in DATA_DIR with ralph's filesystem backend, and
accepts HTTP basic authentication for USER/PASSWORD with every scope. One setting differs
from ralph's defaults: the filesystem backend writes in append mode. Its default mode
("create") refuses every write after the first, because all statements go to one file.
"""

import json
import os
import sys
from pathlib import Path


def main() -> None:
    port, data_dir, user, password = sys.argv[1], Path(sys.argv[2]), sys.argv[3], sys.argv[4]
    app_dir = data_dir / "app"
    app_dir.mkdir(parents=True, exist_ok=True)
    os.environ["RALPH_APP_DIR"] = str(app_dir)
    os.environ["RALPH_RUNSERVER_BACKEND"] = "fs"
    os.environ["RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH"] = str(data_dir)

    import bcrypt

    credentials = [{
        "agent": {"mbox": "mailto:coursepack-tests@example.org"},
        "scopes": ["all"],
        "target": None,
        "username": user,
        "hash": bcrypt.hashpw(password.encode(), bcrypt.gensalt()).decode(),
    }]
    (app_dir / "auth.json").write_text(json.dumps(credentials))

    from ralph.backends.data.base import BaseOperationType
    from ralph.backends.lrs.fs import FSLRSBackend

    FSLRSBackend.default_operation_type = BaseOperationType.APPEND

    import uvicorn

    uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(port), log_level="warning")


if __name__ == "__main__":
    main()
