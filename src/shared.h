/* SPDX-License-Identifier: MIT */
/* shared.h - built-in documents that document() reads, parsed once per
 * thread and lent to every transformation on it (the message catalogue,
 * stylesheets/l10n/LANG.xml). */
#ifndef REC_SHARED_H
#define REC_SHARED_H

#include <libxml/tree.h>
#include <libxslt/xsltInternals.h>

typedef struct rec_shared_docs rec_shared_docs;

/* An empty set; free with rec_shared_docs_free once the threads that used
 * it are joined. */
rec_shared_docs *rec_shared_docs_new(void);
void rec_shared_docs_free(rec_shared_docs *s);

/* The built-in document at uri (rec2xml:/...), parsed into the calling
 * thread's part of s on first use: a copy that the caller owns (libxslt
 * frees it with the transformation), or NULL when uri names no built-in
 * resource or does not parse. */
xmlDocPtr rec_shared_docs_load(rec_shared_docs *s, const char *uri);

/* Put every document of the calling thread's part of s in ctxt's list of
 * loaded documents, where document() finds it before loading anything,
 * unless ctxt's stylesheet strips whitespace (libxslt strips a loaded
 * document in place). Call rec_shared_docs_reclaim, on the same thread,
 * before freeing ctxt. Safe from several threads. */
void rec_shared_docs_lend(rec_shared_docs *s, xsltTransformContextPtr ctxt);
void rec_shared_docs_reclaim(rec_shared_docs *s, xsltTransformContextPtr ctxt);

#endif
