def extract(source, sections):
    return ()
