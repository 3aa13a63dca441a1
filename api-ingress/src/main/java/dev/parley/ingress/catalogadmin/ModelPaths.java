package dev.parley.ingress.catalogadmin;

/** Model ids in paths: a capture of the rest of the path starts with its slash. */
final class ModelPaths {

    private ModelPaths() {
    }

    static String id(String captured) {
        return captured.startsWith("/") ? captured.substring(1) : captured;
    }
}
