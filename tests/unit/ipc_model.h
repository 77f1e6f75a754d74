/* A second, independent statement of what a valid IPC message is, for
 * the codec's tests: a message is valid when re-encoding what it says
 * gives back the very same bytes. */
#ifndef EMILUA_TEST_IPC_MODEL_H
#define EMILUA_TEST_IPC_MODEL_H

#include <stdlib.h>
#include <string.h>

#include "core/ipc_codec.h"

static int model_valid(const unsigned char *buf, size_t len, size_t nfds)
{
    if (len != sizeof(struct ipc_wire))
        return 0;
    const struct ipc_wire *w = (const void *)buf;
    unsigned max = w->kind == IPC_LEAF ? 1 : EMILUA_IPC_MAX_MEMBERS;
    if ((w->kind != IPC_LEAF && w->kind != IPC_DICT) || w->count < 1 ||
        w->count > max)
        return 0;
    struct ipc_wire *c = calloc(1, sizeof *c);
    c->kind = w->kind;
    c->count = w->count;
    size_t fds = 0;
    int ok = 1;
    for (unsigned i = 0; i < w->count; i++) {
        const struct ipc_member *m = &w->m[i];
        struct ipc_member *n = &c->m[i];
        n->tag = m->tag;
        if (m->tag < IPC_BOOLEAN || m->tag > IPC_ADDRESS)
            ok = 0;
        if ((w->kind == IPC_DICT) != (m->key_len > 0))
            ok = 0;
        n->key_len = m->key_len;
        memcpy(n->key, m->key, m->key_len);
        for (unsigned j = 0; j < i; j++)
            if (w->m[j].key_len == m->key_len &&
                memcmp(w->m[j].key, m->key, m->key_len) == 0)
                ok = 0;
        switch (m->tag) {
        case IPC_BOOLEAN:
            n->boolean = m->boolean ? 1 : 0;
            break;
        case IPC_NUMBER:
            n->number = m->number;
            memcpy(&n->number, &m->number, sizeof n->number);
            break;
        case IPC_STRING:
            n->str_len = m->str_len;
            memcpy(n->str, m->str, m->str_len);
            break;
        case IPC_FD:
        case IPC_ADDRESS:
            fds++;
            break;
        }
    }
    ok = ok && fds == nfds && memcmp(c, w, sizeof *c) == 0;
    free(c);
    return ok;
}

#endif
