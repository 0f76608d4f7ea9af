/**
 * Running unattended, night after night: one run at a time across processes and machines (a PostgreSQL
 * advisory lock), launching and restarting the Spring Batch jobs, finding the executions a crash left
 * unfinished, the nightly schedule and the inbox watcher of {@code serve}, the graceful stop on SIGTERM,
 * and the progress counters the terminal reads.
 */
package vn.tonghop.ops;
