/**
 * The rules of acceptance (SPEC §5): a commune's row is accepted whole or rejected whole; errors reject
 * it, warnings are listed. Messages come from the {@code messages/tonghop} bundle (Vietnamese by
 * default).
 */
package vn.tonghop.validate;
