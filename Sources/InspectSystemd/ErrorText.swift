import Glibc

/// The C library's text for `errno`, as `strerror(3)` gives it: "No such file or directory".
func errorText(_ errno: Int32) -> String {
    String(cString: strerror(errno))
}
