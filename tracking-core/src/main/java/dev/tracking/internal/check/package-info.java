/**
 * Argument checks shared by the library's packages ({@link dev.tracking.internal.check.Arguments}). Internal, not
 * API, but meant for every package of the library to use, unlike the rest of {@code dev.tracking.internal}.
 */
package dev.tracking.internal.check;
