/* serial_port: a terminal device as an IO object (emilua/io.h), with the
 * line settings as properties read and written through termios (one
 * tcgetattr, and for a write one tcsetattr).  serial_port.ptypair() makes
 * a pseudo-terminal pair, which is also how the tests get a port. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <emilua/io_methods.h>

int emilua_open_serial_port(lua_State *L);

static const emilua_udata_type port_type;

static emilua_io *check_port(lua_State *L)
{
    return emilua_object_check(L, 1, &port_type);
}

/* A port reads and writes raw bytes: no line editing, echo, signals or
 * newline translation, 8 data bits, receiver on, modem lines ignored. */
static int make_raw(int fd)
{
    struct termios t;
    if (tcgetattr(fd, &t) != 0)
        return -errno;
    cfmakeraw(&t);
    t.c_iflag |= IGNPAR;
    t.c_cflag |= CREAD | CLOCAL;
    return tcsetattr(fd, TCSANOW, &t) == 0 ? 0 : -errno;
}

static int port_open(lua_State *L)
{
    emilua_io *io = check_port(L);
    size_t len;
    const char *dev = emilua_check_string(L, 2, &len, "device");
    if (strlen(dev) != len)
        return emilua_raise_einval_arg(L, 2);
    if (io->fd >= 0)
        return emilua_raise_error(L, &emilua_asio_misc_category,
                                  EMILUA_ASIO_MISC_ALREADY_OPEN);
    int fd = open(dev, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return emilua_raise_errno(L, errno);
    int rc = make_raw(fd);
    if (rc < 0) {
        close(fd);
        return emilua_io_raise_status(L, rc);
    }
    emilua_io_assign(io, fd, false);
    return 0;
}

static int port_close(lua_State *L)
{
    return emilua_io_method_close(L, check_port(L));
}

static int port_cancel(lua_State *L)
{
    return emilua_io_method_cancel(L, check_port(L));
}

static int port_assign(lua_State *L)
{
    return emilua_io_method_assign(L, check_port(L), 2);
}

static int port_release(lua_State *L)
{
    return emilua_io_method_release(L, check_port(L));
}

static int port_read_some(lua_State *L)
{
    return emilua_io_method_read_some(L, check_port(L));
}

static int port_write_some(lua_State *L)
{
    return emilua_io_method_write_some(L, check_port(L));
}

static int port_send_break(lua_State *L)
{
    if (tcsendbreak(check_port(L)->fd, 0) != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

static int port_isatty(lua_State *L)
{
    emilua_io *io = check_port(L);
    if (io->fd < 0)
        return emilua_raise_errno(L, EBADF);
    lua_pushboolean(L, isatty(io->fd));
    return 1;
}

static int port_tcgetpgrp(lua_State *L)
{
    pid_t p = tcgetpgrp(check_port(L)->fd);
    if (p < 0)
        return emilua_raise_errno(L, errno);
    lua_pushinteger(L, p);
    return 1;
}

static int port_tcsetpgrp(lua_State *L)
{
    emilua_io *io = check_port(L);
    lua_Integer pgrp = emilua_check_integer(L, 2, "pgrp_id");
    if (pgrp <= 0 || pgrp > INT32_MAX)
        return emilua_raise_einval_arg(L, 2);
    if (tcsetpgrp(io->fd, (pid_t)pgrp) != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

/* The reference lists it for serial_port too, but a serial line has no
 * peer to verify: it exists, and refuses. */
static int port_set_verify_mode(lua_State *L)
{
    check_port(L);
    emilua_check_string(L, 2, NULL, "mode");
    return emilua_raise_errno(L, ENOTSUP);
}

/* ---- line settings ---------------------------------------------------- */

static const struct { speed_t code; lua_Integer rate; } speeds[] = {
    {B0, 0}, {B50, 50}, {B75, 75}, {B110, 110}, {B134, 134}, {B150, 150},
    {B200, 200}, {B300, 300}, {B600, 600}, {B1200, 1200}, {B1800, 1800},
    {B2400, 2400}, {B4800, 4800}, {B9600, 9600}, {B19200, 19200},
    {B38400, 38400}, {B57600, 57600}, {B115200, 115200}, {B230400, 230400},
    {B460800, 460800}, {B500000, 500000}, {B576000, 576000},
    {B921600, 921600}, {B1000000, 1000000}, {B1152000, 1152000},
    {B1500000, 1500000}, {B2000000, 2000000}, {B2500000, 2500000},
    {B3000000, 3000000}, {B3500000, 3500000}, {B4000000, 4000000},
};
#define NSPEEDS (sizeof speeds / sizeof speeds[0])

static int get_attrs(lua_State *L, emilua_io *io, struct termios *t)
{
    if (tcgetattr(io->fd, t) != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

static int push_setting(lua_State *L, const char *key, const struct termios *t)
{
    if (strcmp(key, "baud_rate") == 0) {
        speed_t sp = cfgetospeed(t);
        for (size_t i = 0; i < NSPEEDS; i++)
            if (speeds[i].code == sp) {
                lua_pushinteger(L, speeds[i].rate);
                return 1;
            }
        return emilua_raise_errno(L, EINVAL);
    }
    if (strcmp(key, "flow_control") == 0) {
        if (t->c_cflag & CRTSCTS)
            lua_pushliteral(L, "hardware");
        else if (t->c_iflag & (IXON | IXOFF))
            lua_pushliteral(L, "software");
        else
            lua_pushnil(L);
        return 1;
    }
    if (strcmp(key, "parity") == 0) {
        if (!(t->c_cflag & PARENB))
            lua_pushnil(L);
        else if (t->c_cflag & PARODD)
            lua_pushliteral(L, "odd");
        else
            lua_pushliteral(L, "even");
        return 1;
    }
    if (strcmp(key, "stop_bits") == 0) {
        lua_pushstring(L, t->c_cflag & CSTOPB ? "two" : "one");
        return 1;
    }
    if (strcmp(key, "character_size") == 0) {
        tcflag_t cs = t->c_cflag & CSIZE;
        lua_pushinteger(L, cs == CS5 ? 5 : cs == CS6 ? 6 : cs == CS7 ? 7 : 8);
        return 1;
    }
    return 0;
}

static bool is_setting(const char *key)
{
    static const char *const names[] = {
        "baud_rate", "flow_control", "parity", "stop_bits", "character_size",
        NULL,
    };
    for (int i = 0; names[i]; i++)
        if (strcmp(names[i], key) == 0)
            return true;
    return false;
}

static int port_index(lua_State *L)
{
    emilua_io *io = check_port(L);
    const char *key;
    if (emilua_io_index_common(L, io, &key))
        return 1;
    if (!is_setting(key))
        return luaL_error(L, "serial_port: no field '%s'", key);
    struct termios t;
    get_attrs(L, io, &t);
    return push_setting(L, key, &t);
}

/* The string at idx is one of names (or nil when nil_ok): its index, with
 * nil as -1; anything else raises EINVAL for the value (arg 3). */
static int check_value(lua_State *L, const char *const *names, bool nil_ok)
{
    if (nil_ok && lua_isnil(L, 3))
        return -1;
    const char *s = lua_type(L, 3) == LUA_TSTRING ? lua_tostring(L, 3) : NULL;
    for (int i = 0; s && names[i]; i++)
        if (strcmp(names[i], s) == 0)
            return i;
    return emilua_raise_einval_arg(L, 3);
}

static int set_setting(lua_State *L, const char *key, struct termios *t)
{
    if (strcmp(key, "baud_rate") == 0) {
        lua_Integer rate = emilua_check_integer(L, 3, "value");
        size_t i = 0;
        while (i < NSPEEDS && speeds[i].rate != rate)
            i++;
        if (i == NSPEEDS)
            return emilua_raise_einval_arg(L, 3);
        if (cfsetspeed(t, speeds[i].code) != 0)
            return emilua_raise_errno(L, errno);
    } else if (strcmp(key, "flow_control") == 0) {
        static const char *const names[] = {"software", "hardware", NULL};
        int v = check_value(L, names, true);
        t->c_iflag &= ~(tcflag_t)(IXON | IXOFF | IXANY);
        t->c_cflag &= ~(tcflag_t)CRTSCTS;
        if (v == 0)
            t->c_iflag |= IXON | IXOFF;
        else if (v == 1)
            t->c_cflag |= CRTSCTS;
    } else if (strcmp(key, "parity") == 0) {
        static const char *const names[] = {"odd", "even", NULL};
        int v = check_value(L, names, true);
        t->c_cflag &= ~(tcflag_t)(PARENB | PARODD);
        t->c_iflag &= ~(tcflag_t)INPCK;
        t->c_iflag |= IGNPAR;
        if (v >= 0) {
            t->c_cflag |= PARENB | (v == 0 ? PARODD : 0);
            t->c_iflag |= INPCK;
            t->c_iflag &= ~(tcflag_t)IGNPAR;
        }
    } else if (strcmp(key, "stop_bits") == 0) {
        static const char *const names[] = {"one", "one_point_five", "two",
                                            NULL};
        int v = check_value(L, names, false);
        if (v == 1)     /* termios has no 1.5 stop bits */
            return emilua_raise_errno(L, ENOTSUP);
        if (v == 2)
            t->c_cflag |= CSTOPB;
        else
            t->c_cflag &= ~(tcflag_t)CSTOPB;
    } else {    /* character_size */
        static const tcflag_t sizes[] = {CS5, CS6, CS7, CS8};
        lua_Integer n = emilua_check_integer(L, 3, "value");
        if (n < 5 || n > 8)
            return emilua_raise_einval_arg(L, 3);
        t->c_cflag = (t->c_cflag & ~(tcflag_t)CSIZE) | sizes[n - 5];
    }
    return 0;
}

static int port_newindex(lua_State *L)
{
    emilua_io *io = check_port(L);
    const char *key = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "";
    if (!is_setting(key))
        return emilua_raise_einval_arg(L, 2);
    struct termios t;
    get_attrs(L, io, &t);
    set_setting(L, key, &t);
    if (tcsetattr(io->fd, TCSANOW, &t) != 0)
        return emilua_raise_errno(L, errno);
    return 0;
}

static const emilua_reg port_methods[] = {
    {"open", port_open, 0},
    {"close", port_close, 0},
    {"cancel", port_cancel, 0},
    {"assign", port_assign, 0},
    {"release", port_release, 0},
    {"send_break", port_send_break, 0},
    {"read_some", port_read_some, EMILUA_SUSPENDS},
    {"write_some", port_write_some, EMILUA_SUSPENDS},
    {"isatty", port_isatty, 0},
    {"tcgetpgrp", port_tcgetpgrp, 0},
    {"tcsetpgrp", port_tcsetpgrp, 0},
    {"set_verify_mode", port_set_verify_mode, 0},
    {NULL, NULL, 0},
};

static const luaL_Reg port_meta[] = {
    {"__gc", emilua_object_gc},
    {"__newindex", port_newindex},
    {NULL, NULL},
};

static const emilua_udata_type port_type = {
    "serial_port", port_methods, port_meta, port_index,
};

static int port_new(lua_State *L)
{
    lua_settop(L, 1);
    emilua_io *io = emilua_io_new(L, &port_type, sizeof *io);
    emilua_io_new_from(L, io, 1);
    return 1;
}

/* ptypair() -> master (a serial_port), slave (a file_descriptor).  The
 * slave is opened O_NOCTTY: it must not become our controlling tty. */
static int port_ptypair(lua_State *L)
{
    emilua_io *io = emilua_io_new(L, &port_type, sizeof *io);
    int m = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
    if (m < 0)
        return emilua_raise_errno(L, errno);
    emilua_io_assign(io, m, false);     /* closed with io from now on */
    char name[64];
    if (grantpt(m) != 0 || unlockpt(m) != 0)
        return emilua_raise_errno(L, errno);
    int err = ptsname_r(m, name, sizeof name);    /* returns the error */
    if (err != 0)
        return emilua_raise_errno(L, err);
    int s = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (s < 0)
        return emilua_raise_errno(L, errno);
    emilua_push_file_descriptor(L, s);
    return 2;
}

int emilua_open_serial_port(lua_State *L)
{
    static const emilua_reg funcs[] = {
        {"new", port_new, 0},
        {"ptypair", port_ptypair, 0},
        {NULL, NULL, 0},
    };
    lua_newtable(L);
    emilua_set_funcs(L, "serial_port", funcs);
    return 1;
}
