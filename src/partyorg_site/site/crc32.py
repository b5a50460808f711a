"""crc32_combine: the CRC-32 of two texts joined, from the CRC-32 of each and the second's
length, without the texts (zlib's crc32_combine, which Python's zlib module does not offer).

The records file is a gzip file whose trailer holds the CRC-32 of its whole text; when its
runs are kept from the last build (site/records_file), their stored CRCs are combined
instead of reading 38 MB of JSON again to checksum it.

In the reflected representation zlib uses, CRC(A + B) = CRC(A) * x^(8 |B|) + CRC(B)
(mod the CRC polynomial, over GF(2)); the power of x is made by squaring.
"""
from __future__ import annotations

_POLY = 0xEDB88320  # the CRC-32 polynomial, reflected


def _multiply(a: int, b: int) -> int:
    """a(x) * b(x) modulo the polynomial, in the reflected bit order (x^0 is bit 31)."""
    m, product = 1 << 31, 0
    while m and a:
        if a & m:
            product ^= b
            a ^= m
        m >>= 1
        b = (b >> 1) ^ _POLY if b & 1 else b >> 1
    return product


def _powers() -> list[int]:
    """x^(2^k) modulo the polynomial, for k = 0..31 (x^1 is bit 30)."""
    table = [1 << 30]
    for _ in range(31):
        table.append(_multiply(table[-1], table[-1]))
    return table


_X_2K = _powers()


def _x_to_8n(n: int) -> int:
    """x^(8n) modulo the polynomial."""
    power, k = 1 << 31, 3  # x^0; 8n = n * 2^3
    while n:
        if n & 1:
            power = _multiply(_X_2K[k & 31], power)
        n >>= 1
        k += 1
    return power


def crc32_combine(first: int, second: int, second_length: int) -> int:
    """zlib.crc32(a + b) from zlib.crc32(a), zlib.crc32(b) and len(b)."""
    return _multiply(_x_to_8n(second_length), first) ^ second
