/**
 * The local backend's store in the application's own database, with plain JDBC: {@link
 * dev.tracking.local.jdbc.JdbcLocalStore}, the schema scripts and their dialects.
 */
package dev.tracking.local.jdbc;
