/**
 * The command line ({@code java -jar tonghop.jar <command>}), with picocli: {@code units import},
 * {@code ingest}, {@code aggregate}, {@code export}, {@code run}, {@code status}, {@code history},
 * {@code serve}; progress lines and the run summary. Exit codes: 0 ok, 1 failed, 2 bad usage, 3 another
 * run holds the lock, 4 finished but some files were rejected whole.
 */
package vn.tonghop.cli;
