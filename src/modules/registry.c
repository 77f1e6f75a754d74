/* The builtin modules, by the name require() knows them by, and the
 * globals every VM starts with.  Adding a module means adding its line
 * here and its file to meson.build. */
#include <lualib.h>

#include <emilua/api.h>

int emilua_open_asio_error(lua_State *L);
int emilua_open_byte_span(lua_State *L);
int emilua_open_condition_variable(lua_State *L);
int emilua_open_file(lua_State *L);
int emilua_open_filesystem(lua_State *L);
int emilua_open_format(lua_State *L);
int emilua_open_future(lua_State *L);
int emilua_open_generic_error(lua_State *L);
int emilua_open_inbox(lua_State *L);
int emilua_open_ip(lua_State *L);
int emilua_open_libc_service(lua_State *L);
int emilua_open_mutex(lua_State *L);
int emilua_open_pipe(lua_State *L);
int emilua_open_recursive_mutex(lua_State *L);
int emilua_open_regex(lua_State *L);
int emilua_open_serial_port(lua_State *L);
int emilua_open_stream(lua_State *L);
int emilua_open_system(lua_State *L);
int emilua_open_time(lua_State *L);
int emilua_open_tls_module(lua_State *L);   /* tls_loader.c */
int emilua_open_unix(lua_State *L);

static int open_ffi(lua_State *L)
{
    lua_pushcfunction(L, luaopen_ffi);
    lua_call(L, 0, 1);
    return 1;
}

const emilua_builtin_module emilua_builtin_modules[] = {
    {"asio_error", emilua_open_asio_error},
    {"condition_variable", emilua_open_condition_variable},
    {"ffi", open_ffi},
    {"file", emilua_open_file},
    {"filesystem", emilua_open_filesystem},
    {"future", emilua_open_future},
    {"generic_error", emilua_open_generic_error},
    {"inbox", emilua_open_inbox},
    {"ip", emilua_open_ip},
    {"libc_service", emilua_open_libc_service},
    {"mutex", emilua_open_mutex},
    {"pipe", emilua_open_pipe},
    {"recursive_mutex", emilua_open_recursive_mutex},
    {"regex", emilua_open_regex},
    {"serial_port", emilua_open_serial_port},
    {"stream", emilua_open_stream},
    {"system", emilua_open_system},
    {"time", emilua_open_time},
    {"tls", emilua_open_tls_module},
    {"unix", emilua_open_unix},
    {NULL, NULL},
};

/* Opened when a VM starts; each open pushes the global's value. */
const emilua_builtin_module emilua_global_modules[] = {
    {"byte_span", emilua_open_byte_span},
    {"format", emilua_open_format},
    {NULL, NULL},
};
