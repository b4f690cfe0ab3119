"""The form-driving helpers the editor's browser test stands on."""

from __future__ import annotations

from cms_form import wait_for_file


class Writer:
    """Stands in for the page while decap-server saves ``path`` as it does: truncated first, then written."""

    def __init__(self, path, content: str) -> None:
        self.steps = [lambda: path.write_text("", encoding="utf-8"), lambda: path.write_text(content, encoding="utf-8")]

    def wait_for_timeout(self, _milliseconds: int) -> None:
        if self.steps:
            self.steps.pop(0)()


def test_a_file_read_between_truncation_and_write_is_not_taken_for_the_saved_one(tmp_path):
    path = tmp_path / "YC-2023-002.yaml"
    path.write_text("id: YC-2023-002\nold: 1\n", encoding="utf-8")
    saved = wait_for_file(Writer(path, "id: YC-2023-002\nnew: 2\n"), path, differs_from=path.read_text(), seconds=5)
    assert saved == "id: YC-2023-002\nnew: 2\n"
