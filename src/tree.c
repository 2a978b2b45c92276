/* tree.c - node positions. */
#include "tree.h"

#include <stdint.h>

#if UINTPTR_MAX > 0xFFFFFFFFu
#define COL_BITS 24
#else
#define COL_BITS 0 /* 32-bit: keep lines only */
#endif

void rec_pos_set(xmlNodePtr node, unsigned long line, unsigned long col)
{
    uintptr_t packed = (uintptr_t)line;
#if COL_BITS
    if (col >= (1ul << COL_BITS))
        col = (1ul << COL_BITS) - 1;
    packed = (uintptr_t)line << COL_BITS | col;
#else
    (void)col;
#endif
    node->_private = (void *)packed;
    node->line = line > 65535 ? 65535 : (unsigned short)line;
}

void rec_pos_get(const xmlNode *node, unsigned long *line, unsigned long *col)
{
    uintptr_t packed = (uintptr_t)node->_private;
    if (packed && node->type == XML_ELEMENT_NODE) {
#if COL_BITS
        *line = (unsigned long)(packed >> COL_BITS);
        *col = (unsigned long)(packed & ((1ul << COL_BITS) - 1));
#else
        *line = packed;
        *col = 0;
#endif
        return;
    }
    long l = xmlGetLineNo(node);
    *line = l > 0 ? (unsigned long)l : 0;
    *col = 0;
}
