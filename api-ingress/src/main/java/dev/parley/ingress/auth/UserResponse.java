package dev.parley.ingress.auth;

record UserResponse(String id, String email, String displayName) {

    static UserResponse of(UserDocument user) {
        return new UserResponse(user.id(), user.email(), user.displayName());
    }
}
