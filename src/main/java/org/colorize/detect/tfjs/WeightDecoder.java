package org.colorize.detect.tfjs;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.tensorflow.proto.framework.DataType;
import org.tensorflow.proto.framework.TensorProto;
import org.tensorflow.proto.framework.TensorShapeProto;

/**
 * Turns a weight's stored bytes (little-endian, as TF.js writes them) into the tensor of a
 * Const node: float16 and uint8/uint16 codes become float32 (or int32, rounded as TF.js does).
 */
final class WeightDecoder {
    private WeightDecoder() {
    }

    static TensorProto decode(WeightSpec spec, ByteBuffer stored) {
        ByteBuffer in = stored.slice().order(ByteOrder.LITTLE_ENDIAN);
        int n = Math.toIntExact(spec.elementCount());
        TensorProto.Builder t = TensorProto.newBuilder().setTensorShape(shape(spec.shape()));
        if (spec.dtype().equals("bool")) {
            byte[] bytes = new byte[n];
            in.get(bytes);
            for (int i = 0; i < n; i++) bytes[i] = (byte) (bytes[i] != 0 ? 1 : 0);
            return t.setDtype(DataType.DT_BOOL).setTensorContent(ByteString.copyFrom(bytes)).build();
        }
        ByteBuffer out = ByteBuffer.allocate(n * 4).order(ByteOrder.LITTLE_ENDIAN);
        Quantization q = spec.quantization();
        boolean integer = spec.dtype().equals("int32");
        for (int i = 0; i < n; i++) {
            if (q == null) {
                out.putInt(in.getInt());
            } else if (!q.isAffine()) {
                out.putFloat(Float16.toFloat(in.getShort()));
            } else {
                int code = q.bytesPerElement() == 1 ? in.get() & 0xff : in.getShort() & 0xffff;
                double value = code * q.scale() + q.min();
                if (integer) out.putInt((int) Math.round(value));
                else out.putFloat((float) value);
            }
        }
        out.flip();
        return t.setDtype(integer ? DataType.DT_INT32 : DataType.DT_FLOAT)
                .setTensorContent(ByteString.copyFrom(out)).build();
    }

    static TensorShapeProto shape(long[] dims) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
        for (long d : dims) s.addDim(TensorShapeProto.Dim.newBuilder().setSize(d));
        return s.build();
    }
}
