package dev.parley.ingress.auth;

import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

interface UserRepository extends MongoRepository<UserDocument, String> {

    Optional<UserDocument> findByEmail(String email);

    Optional<UserDocument> findByExternalId(String externalId);
}
