import Glibc

/// The process's stderr, written to directly so that each line is one `write(2)` and lines from concurrent writers
/// do not interleave.
public enum StandardError {
    /// Writes `line` and a newline.
    @Sendable
    public static func writeLine(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }
}
