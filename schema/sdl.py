from schema.build import build_schema


def export_sdl() -> str:
    return build_schema().as_str() + "\n"
