// libFuzzer's driver, linked by -sanitize=fuzzer. SwiftPM points the executable's `main` at the module's own entry
// point, so each harness starts libFuzzer itself through this function instead of relying on libFuzzer's `main`.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
