-- Root scope handlers run as the fiber that pushed them: same id, same
-- local_, same is_main.
local main_id = this_fiber.id
this_fiber.local_.v = 'main local'
local f = spawn(function()
    this_fiber.local_.v = 'child local'
    local id = this_fiber.id
    scope_cleanup_push(function()
        print('child handler', this_fiber.local_.v, this_fiber.id == id,
              this_fiber.is_main)
    end)
end)
f:join()
scope_cleanup_push(function()
    print('main handler', this_fiber.local_.v, this_fiber.id == main_id,
          this_fiber.is_main)
end)
