/* byte_span: Go-style slices over a shared, reference-counted block.
 *
 * This file holds the C API, the constructors, slicing, copy/append/fill
 * and the metamethods.  The string algorithms and the serializers live in
 * algorithms.c and serialization.c. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* No block is larger than 1 TiB: more than one allocation can get on the
 * machines this runs on, and the most AddressSanitizer's malloc serves
 * (beyond it, it reports instead of returning NULL).  Bigger sizes raise
 * ENOMEM without asking malloc. */
#define BS_MAX_SIZE ((size_t)1 << 40)

/* ---- the memory block ------------------------------------------------- */

/* Pending operations may hold a block from other threads (a thread pool
 * writing into it), so the count is atomic. */
void emilua_bytes_ref(emilua_bytes *mem)
{
    if (mem)
        __atomic_fetch_add(&mem->refcount, 1, __ATOMIC_RELAXED);
}

void emilua_bytes_unref(emilua_bytes *mem)
{
    if (mem && __atomic_sub_fetch(&mem->refcount, 1, __ATOMIC_ACQ_REL) == 0)
        free(mem);
}

/* A new block of size zeroed bytes with one reference, NULL for size 0.
 * Raises ENOMEM. */
static emilua_bytes *bytes_new(lua_State *L, size_t size)
{
    if (size == 0)
        return NULL;
    emilua_bytes *mem = NULL;
    if (size <= BS_MAX_SIZE)
        mem = calloc(1, sizeof *mem + size);
    if (!mem)
        emilua_raise_errno(L, ENOMEM);
    mem->refcount = 1;
    mem->size = size;
    return mem;
}

/* ---- roots, views and block owners --------------------------------------
 *
 * A span made with a new block (new(), append(), the C API) is the
 * block's root: it holds a reference on the block and drops it in its
 * __gc, emptying itself (so a finalizer that meets it afterwards sees an
 * empty span).  Roots have their own metatable, a copy of the byte_span
 * one plus __gc; the type stamp the core checks is the same.
 *
 * Views are many and short-lived (the scanner makes one per record), so
 * they have no finalizer: running one per view cost more than making the
 * view.  The first view of a block gives it an owner, a hidden userdata
 * that holds a second reference and has the __gc, and an anchor, a table
 * whose [1] is the owner.  The anchor is the environment of the root and
 * of every view, so the owner (and the memory) lives as long as any view
 * does.  Blocks that never get a view cost what they did before views
 * were made cheap.  Zero-capacity spans have no block.
 *
 * One catch: objects with finalizers that die together are finalized
 * newest first.  A newproxy() whose Lua __gc reads a view, made before
 * the view's block and collected with it, would read freed memory if the
 * owner freed the block at once.  A weak-valued table of the VM (the
 * owners' environment) maps each owner to its anchor.  The collector
 * keeps such an entry only if some object about to be finalized still
 * reaches the anchor (through a view); then the owner hands its reference
 * to a successor and the memory waits for a later cycle. */

struct block_owner {
    emilua_bytes *mem;           /* the reference this owner holds, or NULL */
    bool successor;              /* made by owner_gc */
};

static int owner_gc(lua_State *L);

static const luaL_Reg owner_metamethods[] = {
    {"__gc", owner_gc},
    {NULL, NULL},
};

static const emilua_udata_type owner_type = {
    .name = "byte_span.owner",
    .metamethods = owner_metamethods,
};

/* Their addresses are registry keys. */
static const char anchors_key, root_metatable_key;

/* Pushes the weak owner -> anchor table. */
static void push_anchors(lua_State *L)
{
    lua_pushlightuserdata(L, (void *)&anchors_key);
    lua_rawget(L, LUA_REGISTRYINDEX);
    if (!lua_isnil(L, -1))
        return;
    lua_pop(L, 1);
    lua_newtable(L);
    lua_createtable(L, 0, 1);
    lua_pushliteral(L, "v");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
    lua_pushlightuserdata(L, (void *)&anchors_key);
    lua_pushvalue(L, -2);
    lua_rawset(L, LUA_REGISTRYINDEX);
}

/* Pushes a new owner (holding no reference yet) of the anchor at index
 * anchor, with the anchors table at index anchors; makes it anchor[1]. */
static struct block_owner *push_owner(lua_State *L, int anchor, int anchors)
{
    struct block_owner *o = emilua_new_udata(L, &owner_type, sizeof *o);
    o->mem = NULL;
    o->successor = false;
    lua_pushvalue(L, anchors);
    lua_setfenv(L, -2);
    lua_pushvalue(L, -1);
    lua_rawseti(L, anchor, 1);
    lua_pushlightuserdata(L, o);
    lua_pushvalue(L, anchor);
    lua_rawset(L, anchors);
    return o;
}

static int owner_gc(lua_State *L)
{
    struct block_owner *o = lua_touserdata(L, 1);
    emilua_bytes *mem = o->mem;
    if (!mem)
        return 0;
    lua_getfenv(L, 1);
    int anchors = lua_gettop(L);
    lua_pushlightuserdata(L, o);
    lua_rawget(L, anchors);
    /* lua_close() finalizes everything without a collection, so the
     * entries are all there: one successor each, finalized in the next
     * round. */
    bool closing = emilua_vm_closed(emilua_vm_of(L));
    if (!lua_isnil(L, -1) && !(closing && o->successor)) {
        struct block_owner *next = push_owner(L, anchors + 1, anchors);
        next->successor = true;
        next->mem = mem;
        o->mem = NULL;
        lua_pushlightuserdata(L, o);
        lua_pushnil(L);
        lua_rawset(L, anchors);
        return 0;
    }
    o->mem = NULL;
    emilua_bytes_unref(mem);
    return 0;
}

/* Gives the root at idx (with a block) its owner and anchor.  The anchor
 * also holds the views' metatable as [2], at hand for views of the root. */
static void anchor_root(lua_State *L, int idx, struct bs_span *root)
{
    push_anchors(L);
    lua_createtable(L, 2, 0);
    int anchor = lua_gettop(L);
    lua_getmetatable(L, idx);
    lua_rawgeti(L, -1, 1);
    lua_rawseti(L, anchor, 2);
    lua_pop(L, 1);
    struct block_owner *o = push_owner(L, anchor, anchor - 1);
    emilua_bytes_ref(root->pub.mem);
    o->mem = root->pub.mem;
    lua_pop(L, 1);
    lua_setfenv(L, idx);
    lua_pop(L, 1);
    root->kind = BS_ROOT_ANCHORED;
}

static int root_gc(lua_State *L)
{
    struct bs_span *s = lua_touserdata(L, 1);
    emilua_bytes *mem = s->pub.mem;
    s->pub.mem = NULL;
    s->pub.size = s->pub.capacity = s->pub.offset = 0;
    emilua_bytes_unref(mem);
    return 0;
}

static struct bs_span *push_empty(lua_State *L);

/* ---- the metatables ---------------------------------------------------- */

/* Method lookups dominate calls like buf:get_u16be().  A C __index costs
 * a C call per lookup; a Lua one that tries the methods table first is
 * compiled by the JIT into a plain table load, and leaves only numeric
 * keys and `capacity` to the C function. */
static const char fast_index[] =
    "local methods, slow = ...\n"
    "return function(self, key)\n"
    "    local m = methods[key]\n"
    "    if m ~= nil then return m end\n"
    "    return slow(self, key)\n"
    "end\n";

/* Pushes the byte_span metatable (the one the core made), with the fast
 * __index installed. */
static void push_view_metatable(lua_State *L)
{
    push_empty(L);
    lua_getmetatable(L, -1);            /* the real one: C ignores __metatable */
    lua_remove(L, -2);
    lua_getfield(L, -1, "__index");
    if (!lua_iscfunction(L, -1)) {      /* installed already */
        lua_pop(L, 1);
        return;
    }
    /* bs_index has the methods table as its upvalue */
    if (luaL_loadbuffer(L, fast_index, sizeof fast_index - 1,
                        "=byte_span.__index") != 0)
        lua_error(L);
    lua_getupvalue(L, -2, 1);
    lua_pushvalue(L, -3);
    lua_call(L, 2, 1);
    lua_setfield(L, -3, "__index");
    lua_pop(L, 1);
}

/* Pushes the roots' metatable: the same functions (so that __eq works
 * between a root and a view), __gc, and the views' metatable as [1]. */
static void push_root_metatable(lua_State *L)
{
    lua_pushlightuserdata(L, (void *)&root_metatable_key);
    lua_rawget(L, LUA_REGISTRYINDEX);
    if (!lua_isnil(L, -1))
        return;
    lua_pop(L, 1);
    push_view_metatable(L);
    lua_createtable(L, 1, 8);
    lua_pushnil(L);
    while (lua_next(L, -3)) {
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, -4);
    }
    lua_pushcfunction(L, root_gc);
    lua_setfield(L, -2, "__gc");
    lua_insert(L, -2);
    lua_rawseti(L, -2, 1);
    /* Roots rely on the core telling types by the stamp, not the
     * metatable: fail loudly at once if that ever changes. */
    push_empty(L);
    lua_pushvalue(L, -2);
    lua_setmetatable(L, -2);
    if (!emilua_test_udata(L, -1, &emilua_byte_span_type))
        luaL_error(L, "byte_span: the core does not recognise root spans");
    lua_pop(L, 1);
    lua_pushlightuserdata(L, (void *)&root_metatable_key);
    lua_pushvalue(L, -2);
    lua_rawset(L, LUA_REGISTRYINDEX);
}

/* ---- the userdata ----------------------------------------------------- */

static struct bs_span *push_empty(lua_State *L)
{
    struct bs_span *s = emilua_new_udata(L, &emilua_byte_span_type,
                                         sizeof *s);
    s->pub.mem = NULL;
    s->pub.offset = s->pub.size = s->pub.capacity = 0;
    s->udata_len = (unsigned int)lua_objlen(L, -1);
    s->kind = BS_VIEW;
    return s;
}

/* Pushes a root of size bytes over a fresh zeroed block of capacity bytes.
 * The root's __gc is set before the block exists, so that a failed
 * allocation leaks nothing. */
static emilua_byte_span *push_new_block(lua_State *L, size_t size,
                                        size_t capacity)
{
    struct bs_span *s = push_empty(L);
    if (capacity == 0)
        return &s->pub;
    push_root_metatable(L);
    lua_setmetatable(L, -2);
    s->kind = BS_ROOT;
    s->pub.mem = bytes_new(L, capacity);
    s->pub.size = size;
    s->pub.capacity = capacity;
    return &s->pub;
}

emilua_byte_span *bs_push_view(lua_State *L, int idx, size_t first,
                               size_t size)
{
    if (idx < 0)
        idx = lua_gettop(L) + idx + 1;
    struct bs_span *s = lua_touserdata(L, idx);
    /* A copy of the whole userdata (with the type stamp the core put past
     * the struct) is a span as emilua_new_udata() would make, without the
     * registry lookup. */
    struct bs_span *v = lua_newuserdata(L, s->udata_len);
    memcpy(v, s, s->udata_len);
    v->kind = BS_VIEW;
    /* A zero-capacity view needs no block; dropping it lets the memory go
     * early. */
    if (s->pub.capacity <= first) {
        lua_getmetatable(L, idx);
        if (s->kind != BS_VIEW)
            lua_rawgeti(L, -1, 1), lua_remove(L, -2);
        lua_setmetatable(L, -2);
        v->pub.mem = NULL;
        v->pub.offset = v->pub.size = v->pub.capacity = 0;
        return &v->pub;
    }
    if (s->kind == BS_VIEW) {
        lua_getmetatable(L, idx);
        lua_setmetatable(L, -2);
        lua_getfenv(L, idx);
    } else {
        if (s->kind == BS_ROOT)
            anchor_root(L, idx, s);
        lua_getfenv(L, idx);
        lua_rawgeti(L, -1, 2);
        lua_setmetatable(L, -3);
    }
    lua_setfenv(L, -2);
    v->pub.offset = s->pub.offset + first;
    v->pub.size = size;
    v->pub.capacity = s->pub.capacity - first;
    return &v->pub;
}

/* ---- the C API -------------------------------------------------------- */

emilua_byte_span *emilua_test_byte_span(lua_State *L, int idx)
{
    return emilua_test_udata(L, idx, &emilua_byte_span_type);
}

emilua_byte_span *emilua_check_byte_span(lua_State *L, int argn)
{
    return emilua_check_udata(L, argn, &emilua_byte_span_type);
}

emilua_byte_span *emilua_push_byte_span(lua_State *L, size_t size,
                                        size_t capacity)
{
    if (capacity < size)
        capacity = size;
    return push_new_block(L, size, capacity);
}

emilua_byte_span *emilua_push_byte_span_view(lua_State *L, int idx,
                                             size_t first, size_t size)
{
    return bs_push_view(L, idx, first, size);
}

/* ---- shared argument helpers ----------------------------------------- */

const unsigned char *bs_check_bytes(lua_State *L, int argn, size_t *len,
                                    const char *name)
{
    if (lua_type(L, argn) == LUA_TSTRING)
        return (const unsigned char *)lua_tolstring(L, argn, len);
    emilua_byte_span *s = emilua_test_byte_span(L, argn);
    if (!s)
        emilua_arg_error(L, argn, name, "a byte_span or a string");
    *len = s->size;
    return s->size ? emilua_byte_span_data(s) : (const unsigned char *)"";
}

lua_Integer bs_opt_integer(lua_State *L, int argn, lua_Integer def,
                           const char *name)
{
    if (lua_isnoneornil(L, argn))
        return def;
    return emilua_check_integer(L, argn, name);
}

/* ---- constructors ----------------------------------------------------- */

static int construct(lua_State *L)
{
    lua_Integer length = emilua_check_integer(L, 1, "length");
    lua_Integer capacity = bs_opt_integer(L, 2, length, "capacity");
    if (length < 0)
        return emilua_raise_einval_arg(L, 1);
    if (capacity < length)
        return emilua_raise_einval_arg(L, 2);
    emilua_push_byte_span(L, (size_t)length, (size_t)capacity);
    return 1;
}

static int bs_new(lua_State *L)
{
    return construct(L);
}

/* new() zeroes the whole block as well; with_zeros() is the name that
 * promises it. */
static int bs_with_zeros(lua_State *L)
{
    return construct(L);
}

/* ---- slicing ----------------------------------------------------------- */

/* Pushes self's view of [first, first + size) (0-based) */
static int push_subview(lua_State *L, size_t first, size_t size)
{
    bs_push_view(L, 1, first, size);
    return 1;
}

static int bs_sub(lua_State *L)
{
    emilua_byte_span *s = bs_self(L);
    lua_Integer cap = (lua_Integer)s->capacity;
    lua_Integer start = bs_opt_integer(L, 2, 1, "start");
    lua_Integer end = bs_opt_integer(L, 3, (lua_Integer)s->size,
                                     "end");
    if (start < 1 || start > cap + 1)
        return emilua_raise_einval_arg(L, 2);
    if (end < start - 1 || end > cap)
        return emilua_raise_einval_arg(L, 3);
    return push_subview(L, (size_t)start - 1, (size_t)(end - start + 1));
}

static size_t check_count(lua_State *L, emilua_byte_span *s)
{
    lua_Integer count = emilua_check_integer(L, 2, "count");
    if (count < 0 || count > (lua_Integer)s->size)
        emilua_raise_einval_arg(L, 2);
    return (size_t)count;
}

static int bs_first(lua_State *L)
{
    emilua_byte_span *s = bs_self(L);
    return push_subview(L, 0, check_count(L, s));
}

static int bs_last(lua_State *L)
{
    emilua_byte_span *s = bs_self(L);
    size_t count = check_count(L, s);
    return push_subview(L, s->size - count, count);
}

/* ---- copy, append, fill ------------------------------------------------ */

static int bs_copy(lua_State *L)
{
    emilua_byte_span *s = bs_self(L);
    size_t len;
    const unsigned char *src = bs_check_bytes(L, 2, &len, "src");
    size_t n = len < s->size ? len : s->size;
    if (n)
        memmove(emilua_byte_span_data(s), src, n);
    lua_pushinteger(L, (lua_Integer)n);
    return 1;
}

/* The total length of the arguments from..to, checking their types. */
static size_t append_length(lua_State *L, int from, int to)
{
    size_t total = 0;
    for (int i = from; i <= to; i++) {
        if (lua_isnil(L, i))
            continue;
        size_t len;
        bs_check_bytes(L, i, &len, NULL);
        total += len;
        if (total > BS_MAX_SIZE)
            emilua_raise_errno(L, ENOMEM);
    }
    return total;
}

/* Writes the arguments from..to one after another at dst.  memmove,
 * because an argument may view the very bytes being written. */
static void append_write(lua_State *L, int from, int to, unsigned char *dst)
{
    for (int i = from; i <= to; i++) {
        if (lua_isnil(L, i))
            continue;
        size_t len;
        const unsigned char *p = bs_check_bytes(L, i, &len, NULL);
        if (len)
            memmove(dst, p, len);
        dst += len;
    }
}

static int bs_append_method(lua_State *L)
{
    emilua_byte_span *s = bs_self(L);
    int top = lua_gettop(L);
    size_t extra = append_length(L, 2, top);
    size_t size = s->size + extra;
    if (size <= s->capacity) {
        if (extra)
            append_write(L, 2, top, emilua_byte_span_data(s) + s->size);
        return push_subview(L, 0, size);
    }
    /* Go's rule of thumb: double, so repeated appends stay linear. */
    size_t capacity = s->capacity * 2;
    if (capacity < size)
        capacity = size;
    if (capacity > BS_MAX_SIZE)
        capacity = size;
    unsigned char *dst =
        emilua_byte_span_data(push_new_block(L, size, capacity));
    if (s->size)
        memcpy(dst, emilua_byte_span_data(s), s->size);
    append_write(L, 2, top, dst + s->size);
    return 1;
}

static int bs_append_free(lua_State *L)
{
    int top = lua_gettop(L);
    size_t size = append_length(L, 1, top);
    emilua_byte_span *s = push_new_block(L, size, size);
    if (size)
        append_write(L, 1, top, emilua_byte_span_data(s));
    return 1;
}

/* memset() semantics: the byte is taken modulo 256. */
static int bs_fill(lua_State *L)
{
    emilua_byte_span *s = bs_self(L);
    lua_Integer byte = emilua_check_integer(L, 2, "byte");
    if (s->size)
        memset(emilua_byte_span_data(s), (int)(byte & 0xff), s->size);
    lua_settop(L, 1);
    return 1;
}

/* ---- metamethods ------------------------------------------------------- */

/* The 0-based position of a numeric key, or raises EINVAL. */
static size_t check_position(lua_State *L, emilua_byte_span *s)
{
    lua_Number k = lua_tonumber(L, 2);
    if (!(k >= 1 && k <= (lua_Number)s->size) || k != (lua_Number)(size_t)k)
        emilua_raise_einval_arg(L, 2);
    return (size_t)k - 1;
}

static int bs_index(lua_State *L)
{
    emilua_byte_span *s = lua_touserdata(L, 1);
    switch (lua_type(L, 2)) {
    case LUA_TNUMBER:
        lua_pushinteger(L, emilua_byte_span_data(s)[check_position(L, s)]);
        return 1;
    case LUA_TSTRING:
        lua_pushvalue(L, 2);
        lua_rawget(L, lua_upvalueindex(1));
        if (lua_isnil(L, -1)) {
            size_t len;
            const char *key = lua_tolstring(L, 2, &len);
            if (len == 8 && memcmp(key, "capacity", 8) == 0)
                lua_pushinteger(L, (lua_Integer)s->capacity);
        }
        return 1;
    default:
        lua_pushnil(L);
        return 1;
    }
}

/* Bytes are stored modulo 256, like fill(). */
static int bs_newindex(lua_State *L)
{
    emilua_byte_span *s = lua_touserdata(L, 1);
    if (lua_type(L, 2) != LUA_TNUMBER)
        return emilua_arg_error(L, 2, "key",
                                "a number");
    size_t pos = check_position(L, s);
    lua_Integer v = emilua_check_integer(L, 3, "value");
    emilua_byte_span_data(s)[pos] = (unsigned char)(v & 0xff);
    return 0;
}

static int bs_len(lua_State *L)
{
    emilua_byte_span *s = lua_touserdata(L, 1);
    lua_pushinteger(L, (lua_Integer)s->size);
    return 1;
}

static int bs_tostring(lua_State *L)
{
    emilua_byte_span *s = lua_touserdata(L, 1);
    if (s->size)
        lua_pushlstring(L, (const char *)emilua_byte_span_data(s), s->size);
    else
        lua_pushliteral(L, "");
    return 1;
}

/* Equal contents, like two strings. */
static int bs_eq(lua_State *L)
{
    emilua_byte_span *a = emilua_test_byte_span(L, 1);
    emilua_byte_span *b = emilua_test_byte_span(L, 2);
    bool eq = a && b && a->size == b->size &&
              (a->size == 0 || memcmp(emilua_byte_span_data(a),
                                      emilua_byte_span_data(b), a->size) == 0);
    lua_pushboolean(L, eq);
    return 1;
}

/* ---- registration ------------------------------------------------------ */

#define BS_ALGORITHM_ENTRY(name) {#name, emilua_bs_##name, 0},
#define BS_SERIALIZER_ENTRIES(sfx, w, be, kind) \
    {"get_" #sfx, emilua_bs_get_##sfx, 0}, \
    {"set_" #sfx, emilua_bs_set_##sfx, 0},

static const emilua_reg bs_methods[] = {
    {"sub", bs_sub, 0},
    {"first", bs_first, 0},
    {"last", bs_last, 0},
    {"copy", bs_copy, 0},
    {"append", bs_append_method, 0},
    {"fill", bs_fill, 0},
    BS_ALGORITHMS(BS_ALGORITHM_ENTRY)
    BS_SERIALIZERS(BS_SERIALIZER_ENTRIES)
    {NULL, NULL, 0},
};

static const luaL_Reg bs_metamethods[] = {
    {"__len", bs_len},
    {"__tostring", bs_tostring},
    {"__eq", bs_eq},
    {"__newindex", bs_newindex},
    {NULL, NULL},
};

const emilua_udata_type emilua_byte_span_type = {
    .name = "byte_span",
    .methods = bs_methods,
    .metamethods = bs_metamethods,
    .index = bs_index,
};

static const emilua_reg bs_funcs[] = {
    {"new", bs_new, 0},
    {"with_zeros", bs_with_zeros, 0},
    {"append", bs_append_free, 0},
    {NULL, NULL, 0},
};

/* The metatables wait for the first span: every VM opens this global at
 * start-up, and building them is most of what that costs. */
int emilua_open_byte_span(lua_State *L)
{
    lua_newtable(L);
    emilua_set_funcs(L, "byte_span", bs_funcs);
    return 1;
}
