/* Validation of received IPC messages: nothing of a message reaches Lua
 * before all of it is checked here. */
#include <string.h>

#include "ipc_codec.h"

static int all_zero(const void *p, size_t n)
{
    const unsigned char *c = p;
    for (size_t i = 0; i < n; i++)
        if (c[i])
            return 0;
    return 1;
}

static int valid_member(const struct ipc_member *m, enum ipc_kind kind)
{
    if (!all_zero(m->pad, sizeof m->pad))
        return 0;
    if (kind == IPC_LEAF ? m->key_len != 0 : m->key_len == 0)
        return 0;
    if (!all_zero(m->key + m->key_len, sizeof m->key - m->key_len))
        return 0;
    static const double zero = 0.0;
    int is_number = m->tag == IPC_NUMBER;
    if (!is_number && memcmp(&m->number, &zero, sizeof zero) != 0)
        return 0;
    if (m->tag == IPC_BOOLEAN ? m->boolean > 1 : m->boolean != 0)
        return 0;
    if (m->tag != IPC_STRING && m->str_len != 0)
        return 0;
    if (!all_zero(m->str + m->str_len, sizeof m->str - m->str_len))
        return 0;
    return m->tag >= IPC_BOOLEAN && m->tag <= IPC_ADDRESS;
}

static int same_key(const struct ipc_member *a, const struct ipc_member *b)
{
    return a->key_len == b->key_len && memcmp(a->key, b->key, a->key_len) == 0;
}

size_t ipc_fd_count(const struct ipc_wire *w)
{
    size_t n = 0;
    for (unsigned i = 0; i < w->count && i < EMILUA_IPC_MAX_MEMBERS; i++)
        n += w->m[i].tag == IPC_FD || w->m[i].tag == IPC_ADDRESS;
    return n;
}

int ipc_validate(const void *buf, size_t len, size_t nfds)
{
    const struct ipc_wire *w = buf;
    if (len != sizeof *w || !all_zero(w->pad, sizeof w->pad))
        return -1;
    if (w->kind == IPC_LEAF) {
        if (w->count != 1)
            return -1;
    } else if (w->kind != IPC_DICT || w->count < 1 ||
               w->count > EMILUA_IPC_MAX_MEMBERS) {
        return -1;
    }
    for (unsigned i = 0; i < w->count; i++) {
        if (!valid_member(&w->m[i], w->kind))
            return -1;
        for (unsigned j = 0; j < i; j++)
            if (same_key(&w->m[i], &w->m[j]))
                return -1;
    }
    for (unsigned i = w->count; i < EMILUA_IPC_MAX_MEMBERS; i++)
        if (!all_zero(&w->m[i], sizeof w->m[i]))
            return -1;
    return ipc_fd_count(w) == nfds ? 0 : -1;
}
