"""Which outputs an incremental build may keep from the previous build (stub until the lead's engine lands)."""
class Selection:
    def keep_folder(self, folder: str, signature: str) -> bool:
        """True when `folder` (relative to the output root) was made from the same `signature` last time and
        is kept as it is; False: the caller (re)writes the whole folder. Records the signature either way."""
        return False
def selection_for(settings) -> Selection:
    return Selection()
