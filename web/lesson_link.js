// A lesson in a link: the lesson file deflate-compressed and base64url-encoded into the link that
// address.js builds (with its check digits), and read back out of one. lessons.js copies and opens
// lesson links with it, and lab_api.js answers lab.lessonLink() with it.
import { lessonLink } from "./address.js";

// A lesson link up to 8 KB: browsers, chat apps and QR codes carry that comfortably (2 KB is the old
// Internet Explorer limit; today's browsers take far more, but mail and chat clients cut long links).
// The page's own limit: the lab never sees a lesson link, only the lesson in it.
export const maxLessonLinkChars = 8192;

function toBase64Url(bytes) {
  let binary = "";
  for (let k = 0; k < bytes.length; k += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(k, k + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("it has characters a lesson link never has");
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function compress(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// Inflates at most `most` bytes, so a hostile link cannot make the page inflate gigabytes.
async function decompress(bytes, most) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const parts = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > most) {
      reader.cancel();
      throw new Error("the lesson in it is over " + most / 1024 + " KB");
    }
    parts.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const part of parts) { all.set(part, at); at += part.length; }
  return new TextDecoder("utf-8", { fatal: true }).decode(all);
}

// The link that opens the lesson file's text at that step (from 1), whatever its length.
export async function linkFor(text, step) {
  return lessonLink(toBase64Url(await compress(text)), step);
}

// {ok, error, link}: the link Copy a link to this step copies, or why there is none (the lesson is
// too long for a link).
export async function shareableLink(text, step) {
  const link = await linkFor(text, step);
  if (link.length <= maxLessonLinkChars) return { ok: true, error: null, link };
  return { ok: false, error: "this lesson is " + (link.length / 1024).toFixed(1) + " KB as a link, more than the " +
           maxLessonLinkChars / 1024 + " KB a link may carry: share the lesson file instead (Lessons\u2026 \u2192 Save the lesson file)",
           link: null };
}

// The lesson file in a link's data (what readLessonLink of address.js found), at most `most` bytes
// of it; throws an Error saying why when the data is not a compressed lesson.
export async function lessonOf(data, most) {
  return decompress(fromBase64Url(data), most);
}
