package dev.barrier.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;

/**
 * Scalar operands for operations that autograd records.
 *
 * <p>DJL's overloads that take a {@link Number}, such as {@code mul(Number)} or {@code div(Number)}, wrap the
 * number in a temporary array that shares memory with a Java buffer and close that array as soon as the
 * operation returns. Autograd saves some operands for the backward pass: a product saves each factor, a
 * quotient its divisor. If the garbage collector frees the buffer first, the backward pass reads freed memory
 * and the gradients turn silently wrong or non-finite. Forward passes and losses that are
 * differentiated therefore take scalars from here, never as a {@code Number}.
 */
public final class Scalars {

    private Scalars() {
    }

    /**
     * Returns {@code value} as a zero-dimensional array with the data type and device of {@code like}, owned
     * by the manager of {@code like} and by no open {@link NDScope}, so that it lives until that manager is
     * closed.
     */
    public static NDArray like(NDArray like, double value) {
        try (NDArray wrapped = like.getManager().create(value)) {
            // A copy owns its memory, unlike the wrapped value.
            NDArray scalar = wrapped.toType(like.getDataType(), true);
            NDScope.unregister(scalar);
            return scalar;
        }
    }
}
