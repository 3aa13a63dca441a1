package dev.parley.ingress.attachment;

/** A file name as the client sent it, made safe to store, list and send back in a Content-Disposition. */
final class FileNames {

    static final int MAX_LENGTH = 200;

    private FileNames() {
    }

    /** The last path segment, without control characters, quotes or backslashes; "file" when nothing is left. */
    static String clean(String name) {
        if (name == null) {
            return "file";
        }
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        last.codePoints().filter(c -> !Character.isISOControl(c) && c != '"' && c != '\\')
                .forEach(clean::appendCodePoint);
        String trimmed = clean.toString().strip();
        if (trimmed.isEmpty() || trimmed.equals(".") || trimmed.equals("..")) {
            return "file";
        }
        return trimmed.length() > MAX_LENGTH ? trimmed.substring(0, MAX_LENGTH) : trimmed;
    }
}
