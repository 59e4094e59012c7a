/**
 * Our JSON writer for request bodies (not API): {@code JsonBuffer} appends a document as UTF-8, with escaping
 * ({@code JsonStrings}) and pre-encoded names and numbers ({@code JsonString}, {@code LongText}, {@code UuidText});
 * {@code JsonValueWriter} writes property values, one case per {@code dev.tracking.value.PropertyKind}, and reports
 * a value it cannot write with its path ({@code FieldEncodingException}). Meant for the vendors' packages
 * ({@code outlit}, {@code lotus}), whose wire formats write with it.
 */
package dev.tracking.internal.json;
