package dev.parley.ingress.auth;

/** @param expiresIn seconds until the access token expires */
record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {

    @Override
    public String toString() {
        return "TokenResponse[tokenType=" + tokenType + ", expiresIn=" + expiresIn + "]";
    }
}
