-- When the main fiber panics the VM ends: ready fibers never run.
spawn(function() print('never printed') end):detach()
error('stop', 0)
