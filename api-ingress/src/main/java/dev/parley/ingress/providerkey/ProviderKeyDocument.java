package dev.parley.ingress.providerkey;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A user's own key for one provider, AES-GCM sealed with the storage key ring (AAD {@code userId:provider}).
 *
 * @param id {@code userId:provider}, so that a user has at most one key per provider
 * @param lastFour the key's last four characters, for the masked form in answers
 */
@Document("provider_keys")
record ProviderKeyDocument(
        @Id String id,
        @Indexed String userId,
        String provider,
        int keyVersion,
        byte[] iv,
        byte[] ciphertext,
        String lastFour,
        Instant updatedAt) {

    static String id(String userId, String provider) {
        return userId + ":" + provider;
    }
}
