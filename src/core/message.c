/* Messages between VMs in a form no VM owns: one flat buffer of tagged
 * values, written from the sender's Lua value and read back into the
 * receiver's VM.  Strings and byte_spans are copied; a channel becomes
 * the address of its mailbox (one sender reference held by the buffer);
 * a file_descriptor, or an IO object whose type has a move hook (ip
 * sockets), is moved: the buffer owns the fd, and an object with an
 * operation pending is refused (EBUSY) before anything is taken.
 *
 * Values that cannot cross (functions, coroutines, tables with a
 * metatable, other userdata) raise EINVAL naming the type when they are
 * the message itself, and are left out, key and value, inside a table,
 * as the C++ runtime does.  A table reached again while it is being
 * copied is a cycle and is refused; one reached twice through different
 * paths is copied twice. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <emilua/byte_span.h>
#include <emilua/file_descriptor.h>

#include "channel.h"

enum tag {
    T_NIL, T_FALSE, T_TRUE, T_NUM, T_STR, T_TABLE, T_END, T_CHAN, T_FD,
    T_SPAN, T_MOVE,
};

static bool grow(struct msgbuf *b, size_t more)
{
    if (b->len + more <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + more)
        cap *= 2;
    unsigned char *d = realloc(b->data, cap);
    if (!d)
        return false;
    b->data = d;
    b->cap = cap;
    return true;
}

static void put(struct msgbuf *b, const void *p, size_t n)
{
    memcpy(b->data + b->len, p, n);
    b->len += n;
}

/* The type name of a userdata (its hidden metatable's name). */
static const char *udata_name(lua_State *L, int idx)
{
    const char *name = NULL;
    if (lua_getmetatable(L, idx)) {
        lua_getfield(L, -1, "__metatable");
        name = lua_tostring(L, -1);   /* interned in the type's metatable */
        lua_pop(L, 2);
    }
    return name ? name : "userdata";
}

enum kind { K_SCALAR, K_TABLE, K_CHAN, K_FD, K_SPAN, K_MOVE, K_REFUSED };

static enum kind kind_of(lua_State *L, int idx)
{
    switch (lua_type(L, idx)) {
    case LUA_TNIL: case LUA_TBOOLEAN: case LUA_TNUMBER: case LUA_TSTRING:
        return K_SCALAR;
    case LUA_TTABLE:
        if (lua_getmetatable(L, idx)) {
            lua_pop(L, 1);
            return K_REFUSED;
        }
        return K_TABLE;
    case LUA_TUSERDATA:
        if (channel_test(L, idx))
            return K_CHAN;
        if (emilua_test_byte_span(L, idx))
            return K_SPAN;
        if (strcmp(udata_name(L, idx), "file_descriptor") == 0)
            return K_FD;
        const emilua_udata_type *type = emilua_udata_type_of(L, idx);
        return type && emilua_udata_move_of(L, type) ? K_MOVE : K_REFUSED;
    default:
        return K_REFUSED;
    }
}

static const char *refused_name(lua_State *L, int idx)
{
    if (lua_type(L, idx) == LUA_TTABLE)
        return "table with a metatable";
    if (lua_type(L, idx) == LUA_TUSERDATA)
        return udata_name(L, idx);
    return lua_typename(L, lua_type(L, idx));
}

/* First pass: refuses cycles and file_descriptors that are closed
 * before anything is taken from the sender.  `path` (a table at index
 * path) holds the tables being visited. */
static void check_movable(lua_State *L, int idx)
{
    const emilua_udata_type *type = emilua_udata_type_of(L, idx);
    int status = emilua_udata_move_of(L, type)->check(L, idx, type);
    if (status < 0)
        emilua_raise_errno(L, -status);
}

static void check_value(lua_State *L, int idx, int path)
{
    enum kind k = kind_of(L, idx);
    if (k == K_FD) {
        emilua_check_file_descriptor(L, idx, "message");
        return;
    }
    if (k == K_MOVE) {
        check_movable(L, idx);
        return;
    }
    if (k != K_TABLE)
        return;
    lua_pushvalue(L, idx);
    lua_rawget(L, path);
    if (!lua_isnil(L, -1))
        emilua_raise_error(L, &emilua_runtime_category,
                           EMILUA_ERRC_REFERENCE_CYCLE);
    lua_pop(L, 1);
    lua_pushvalue(L, idx);
    lua_pushboolean(L, 1);
    lua_rawset(L, path);
    luaL_checkstack(L, 4, "message too deep");
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        int v = lua_gettop(L), key = v - 1;
        if (kind_of(L, key) != K_REFUSED && kind_of(L, v) != K_REFUSED) {
            check_value(L, key, path);
            check_value(L, v, path);
        }
        lua_pop(L, 1);
    }
    lua_pushvalue(L, idx);
    lua_pushnil(L);
    lua_rawset(L, path);
}

/* Second pass: writes the value.  Only memory can fail: false. */
static bool encode(lua_State *L, int idx, struct msgbuf *b)
{
    unsigned char tag;
    switch (kind_of(L, idx)) {
    case K_SCALAR:
        switch (lua_type(L, idx)) {
        case LUA_TNIL:
            tag = T_NIL;
            return grow(b, 1) && (put(b, &tag, 1), true);
        case LUA_TBOOLEAN:
            tag = lua_toboolean(L, idx) ? T_TRUE : T_FALSE;
            return grow(b, 1) && (put(b, &tag, 1), true);
        case LUA_TNUMBER: {
            lua_Number n = lua_tonumber(L, idx);
            tag = T_NUM;
            if (!grow(b, 1 + sizeof n))
                return false;
            put(b, &tag, 1);
            put(b, &n, sizeof n);
            return true;
        }
        default: {
            size_t len;
            const char *s = lua_tolstring(L, idx, &len);
            tag = T_STR;
            if (!grow(b, 1 + sizeof len + len))
                return false;
            put(b, &tag, 1);
            put(b, &len, sizeof len);
            put(b, s, len);
            return true;
        }
        }
    case K_TABLE:
        tag = T_TABLE;
        if (!grow(b, 1))
            return false;
        put(b, &tag, 1);
        lua_pushnil(L);
        while (lua_next(L, idx)) {
            int v = lua_gettop(L), key = v - 1;
            if (kind_of(L, key) != K_REFUSED && kind_of(L, v) != K_REFUSED &&
                (!encode(L, key, b) || !encode(L, v, b))) {
                lua_pop(L, 2);
                return false;
            }
            lua_pop(L, 1);
        }
        tag = T_END;
        return grow(b, 1) && (put(b, &tag, 1), true);
    case K_CHAN: {
        struct mailbox *mb = channel_test(L, idx);
        tag = T_CHAN;
        if (!grow(b, 1 + sizeof mb))
            return false;
        mailbox_add_sender(mb);
        put(b, &tag, 1);
        put(b, &mb, sizeof mb);
        return true;
    }
    case K_SPAN: {
        emilua_byte_span *s = emilua_test_byte_span(L, idx);
        tag = T_SPAN;
        if (!grow(b, 1 + sizeof s->size + s->size))
            return false;
        put(b, &tag, 1);
        put(b, &s->size, sizeof s->size);
        if (s->size)
            put(b, emilua_byte_span_data(s), s->size);
        return true;
    }
    case K_FD: {
        tag = T_FD;
        if (!grow(b, 1 + sizeof(int)))
            return false;
        int fd = emilua_take_file_descriptor(L, idx, "message");
        put(b, &tag, 1);
        put(b, &fd, sizeof fd);
        return true;
    }
    case K_MOVE: {
        const emilua_udata_type *type = emilua_udata_type_of(L, idx);
        const emilua_udata_move *move = emilua_udata_move_of(L, type);
        tag = T_MOVE;
        if (!grow(b, 1 + sizeof type + sizeof move + sizeof(int)))
            return false;
        int fd = move->take(L, idx, type);
        put(b, &tag, 1);
        put(b, &type, sizeof type);
        put(b, &move, sizeof move);
        put(b, &fd, sizeof fd);
        return true;
    }
    default:
        return true;
    }
}

int message_encode(lua_State *L, int idx, struct msgbuf *b)
{
    if (kind_of(L, idx) == K_REFUSED) {
        const char *name = refused_name(L, idx);
        emilua_push_error(L, &emilua_generic_category, EINVAL);
        lua_pushinteger(L, idx);
        lua_setfield(L, -2, "arg");
        lua_pushstring(L, name);
        lua_setfield(L, -2, "type");
        return lua_error(L);
    }
    if (lua_type(L, idx) == LUA_TTABLE) {
        lua_newtable(L);
        check_value(L, idx, lua_gettop(L));
        lua_pop(L, 1);
    } else if (kind_of(L, idx) == K_FD) {
        emilua_check_file_descriptor(L, idx, "message");
    } else if (kind_of(L, idx) == K_MOVE) {
        check_movable(L, idx);
    }
    b->data = NULL;
    b->len = b->cap = 0;
    if (!encode(L, idx, b)) {
        message_discard(b, emilua_vm_of(L)->ctx);
        return emilua_raise_errno(L, ENOMEM);
    }
    return 0;
}

struct reader {
    const unsigned char *p, *end;
};

static void get(struct reader *r, void *out, size_t n)
{
    memcpy(out, r->p, n);
    r->p += n;
}

/* Pushes the next value; the buffer's references go to the new values. */
static void decode(lua_State *L, struct reader *r)
{
    unsigned char tag = *r->p++;
    luaL_checkstack(L, 3, "message too deep");
    switch (tag) {
    case T_NIL: lua_pushnil(L); break;
    case T_FALSE: lua_pushboolean(L, 0); break;
    case T_TRUE: lua_pushboolean(L, 1); break;
    case T_NUM: {
        lua_Number n;
        get(r, &n, sizeof n);
        lua_pushnumber(L, n);
        break;
    }
    case T_STR: {
        size_t len;
        get(r, &len, sizeof len);
        lua_pushlstring(L, (const char *)r->p, len);
        r->p += len;
        break;
    }
    case T_TABLE:
        lua_newtable(L);
        while (*r->p != T_END) {
            decode(L, r);
            decode(L, r);
            lua_rawset(L, -3);
        }
        r->p++;
        break;
    case T_CHAN: {
        struct mailbox *mb;
        get(r, &mb, sizeof mb);
        channel_push(L, mb);
        break;
    }
    case T_SPAN: {
        size_t len;
        get(r, &len, sizeof len);
        emilua_byte_span *s = emilua_push_byte_span(L, len, len);
        if (len)
            memcpy(emilua_byte_span_data(s), r->p, len);
        r->p += len;
        break;
    }
    case T_FD: {
        int fd;
        get(r, &fd, sizeof fd);
        emilua_push_file_descriptor(L, fd);
        break;
    }
    case T_MOVE: {
        const emilua_udata_type *type;
        const emilua_udata_move *move;   /* static: valid in any VM */
        int fd;
        get(r, &type, sizeof type);
        get(r, &move, sizeof move);
        get(r, &fd, sizeof fd);
        move->push(L, fd, type);
        emilua_udata_set_move(L, type, move);   /* it may go on from here */
        break;
    }
    }
}

/* What decode() takes over, released without a VM: channel references
 * and fds.  Returns the position after the value. */
static void discard(struct reader *r, emilua_context *ctx)
{
    unsigned char tag = *r->p++;
    switch (tag) {
    case T_NUM: r->p += sizeof(lua_Number); break;
    case T_STR: case T_SPAN: {
        size_t len;
        get(r, &len, sizeof len);
        r->p += len;
        break;
    }
    case T_TABLE:
        while (*r->p != T_END)
            discard(r, ctx);
        r->p++;
        break;
    case T_CHAN: {
        struct mailbox *mb;
        get(r, &mb, sizeof mb);
        mailbox_remove_sender(mb, ctx);
        break;
    }
    case T_MOVE: case T_FD: {
        int fd;
        if (tag == T_MOVE)
            r->p += sizeof(const emilua_udata_type *) +
                    sizeof(const emilua_udata_move *);
        get(r, &fd, sizeof fd);
        close(fd);
        break;
    }
    default:
        break;
    }
}

/* Decoding allocates in L and can raise only for memory, which ends the
 * VM anyway; the buffer is then released by the caller's discard. */
static int decode_protected(lua_State *L)
{
    struct reader *r = lua_touserdata(L, 1);
    lua_pop(L, 1);
    decode(L, r);
    return 1;
}

/* Pushes the value on L, which may be a suspended fiber's thread: the
 * work is done on the VM's main thread, which never runs a fiber. */
void message_decode(lua_State *L, struct msgbuf *b)
{
    lua_State *M = emilua_vm_of(L)->L;
    struct reader r = {b->data, b->data + b->len};
    if (*r.p <= T_NUM) {   /* allocates nothing: cannot fail */
        decode(L, &r);
        free(b->data);
        b->data = NULL;
        b->len = b->cap = 0;
        return;
    }
    lua_pushcfunction(M, decode_protected);
    lua_pushlightuserdata(M, &r);
    if (lua_pcall(M, 1, 1, 0) != 0) {
        lua_pop(M, 1);
        lua_pushnil(M);
    }
    lua_xmove(M, L, 1);
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

void message_discard(struct msgbuf *b, emilua_context *ctx)
{
    if (b->data && b->len) {
        struct reader r = {b->data, b->data + b->len};
        while (r.p < r.end)
            discard(&r, ctx);
    }
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
