package org.survivorvoice.analysis;

import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface CommentRepository extends ReactiveMongoRepository<Comment, String> {

    Flux<Comment> findByResponseId(String responseId);

    Flux<Comment> findByStatus(CommentStatus status, Pageable page);

    Mono<Long> countByStatus(CommentStatus status);

    Flux<Comment> findByHumanIsNullAndStatus(CommentStatus status, Pageable page);

    Mono<Long> countByHumanIsNullAndStatus(CommentStatus status);

    Flux<Comment> findByHumanIsNotNullAndMachineIsNotNull();
}
