//! CRC-32 (IEEE 802.3), the checksum of a link's payload.

/// CRC-32 of IEEE 802.3 (reflected polynomial 0xEDB88320, initial and
/// final value all ones): zlib's `crc32`. `crc32(b"123456789")` is
/// `0xCBF43926`. Public for the tests.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = u32::MAX;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}
