require '../b'
