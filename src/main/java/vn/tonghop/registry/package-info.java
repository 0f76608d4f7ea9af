/**
 * The unit registry (danh mục đơn vị hành chính): provinces, districts and communes with their official
 * GSO codes, effective-dated (valid from/to) across the July 2025 reform, the old-to-new mapping, and
 * the matching of a clerk's commune code or name to a unit.
 */
package vn.tonghop.registry;
