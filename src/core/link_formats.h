// Link formats: the current format's writer and the reader of every format a link was ever written
// in (share_link.h has the layout; decode_link picks the reader by the version byte).
#pragma once

#include "core/link_bytes.h"
#include "core/share_link.h"

namespace bp {

// The whole record of format kLinkVersion (3), from "BL" to before the CRC.
void write_format3(LinkWriter& w, const LabSnapshot& snap);

// Each reads a record of its format after "BL" and the version byte (and without the CRC, which
// decode_link checks) into snap; a problem stops it with the reader failed.
void read_format3(LinkReader& r, LabSnapshot& snap);
// Format 2: format 3 without the regularization and optimizer, their state and the view's switches.
void read_format2(LinkReader& r, LabSnapshot& snap);
// Format 1: format 2 without the contents byte and the parts it announces (and without the CRC).
void read_format1(LinkReader& r, LabSnapshot& snap);

}  // namespace bp
