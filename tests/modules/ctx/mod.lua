seen = tostring(_CONTEXT)
