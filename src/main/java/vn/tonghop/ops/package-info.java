/** Running unattended: the cross-process run lock (a PostgreSQL advisory lock) and, later, schedule and watcher. */
package vn.tonghop.ops;
