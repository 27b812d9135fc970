"""Every file a plugin writes goes below the output folder, nowhere else."""

from pathlib import Path

from .errors import SiteConfigError


# A file or folder name below the output may have at most 255 bytes (ext4, most
# filesystems); content-made names (slugs, old addresses) keep well under it.
NAME_LIMIT_BYTES = 200


def too_long_names(path: str) -> list[str]:
    """The parts of a '/'-separated path longer than NAME_LIMIT_BYTES in UTF-8."""
    return [part for part in path.split("/") if len(part.encode("utf-8")) > NAME_LIMIT_BYTES]


class OutsideOutputError(SiteConfigError):
    """A plugin was about to write outside the output folder."""


class OutputFolder:
    """The output folder, resolved once, for a plugin that writes many files into it."""

    def __init__(self, output_root: str | Path):
        self.root = Path(output_root).resolve()

    def file(self, relative: str) -> Path:
        """The file `relative` below the output, resolved; refuses any path that would leave it."""
        target = (self.root / relative).resolve()
        if not target.is_relative_to(self.root) or target == self.root:
            raise OutsideOutputError(
                f"Build dihentikan: berkas '{relative}' akan ditulis di luar folder keluaran {self.root}. "
                "Periksa Slug, Old_path dan alamat lain di konten; tidak ada yang ditulis."
            )
        return target


def output_file(output_root: str | Path, relative: str) -> Path:
    """The file `relative` below `output_root`, resolved; refuses any path that would leave it."""
    return OutputFolder(output_root).file(relative)


def make_readable(folder: Path) -> None:
    """Folders 0755 and files 0644, whatever the umask (or mkdtemp's 0700) made them: hosts serve them as they are."""
    folder = Path(folder)
    folder.chmod(0o755)
    for path in folder.rglob("*"):
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() else 0o644)
