/**
 * Everything tonghop writes for people: {@code aggregates.csv} (SPEC §6) from the aggregate tables, and
 * each file's {@code .ketqua} result for the clerk who sent it; the conference pack is in {@code export.pack}.
 */
package vn.tonghop.export;
