/* SPDX-License-Identifier: MIT */
/* xmlin.h - read a rec2xml XML document that a person edited, safely:
 * no DOCTYPE (so no entities, external or expanding), no network, no file
 * other than the one named. */
#ifndef REC_XMLIN_H
#define REC_XMLIN_H

#include <libxml/tree.h>

#include "diag.h"

/* Parse bytes[0..size) as XML; url names it in diagnostics and doc->URL.
 * Returns the document (caller frees with xmlFreeDoc), or NULL with the
 * reasons in diags (xml-syntax, doctype-not-allowed). */
xmlDocPtr rec_xml_read(const char *bytes, size_t size, const char *url, rec_diags *diags);

/* Install the process-wide external entity loader that refuses everything
 * (and so reports every attempt); call once before any parsing. */
void rec_xml_deny_external_entities(void);

#endif
