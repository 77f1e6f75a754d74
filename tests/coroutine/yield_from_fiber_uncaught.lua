-- Uncaught, the bad yield is a panic of the main fiber.
coroutine.yield()
